package io.vigil.core.sample;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Card transactions of a fixed customer population, one block per day, in time order. Amounts are log-normal with
 * a location and spread per merchant category (a grocery run is tens of dollars, a flight hundreds) scaled by how
 * much each customer spends; hours follow a shopping day (lunch and evening peaks, quiet nights); each customer
 * mostly shops in a home city with a preferred payment method; basket sizes depend on the category.
 *
 * <p>Fraud mixes two or three of: an amount five to twenty times the category's usual, a small-hours purchase, a
 * basket of a dozen items or more, and a card used far from home or paid with a rarely used method (gift card,
 * crypto). Honest customers do each of these now and then too (a flight, a late snack, a big grocery shop), so no
 * single column separates fraud; the combination does.
 */
final class EcommerceGenerator implements SampleGenerator {
    private static final long START_MILLIS = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    private static final String[] CATEGORIES = {"grocery", "gas", "restaurant", "retail", "online", "travel",
        "electronics"};
    private static final int ONLINE = 4;
    private static final int ELECTRONICS = 6;
    private static final double[] CATEGORY_WEIGHTS = {25, 15, 20, 15, 15, 4, 6};
    private static final double[] AMOUNT_MU = {3.5, 3.6, 3.3, 4.0, 3.9, 5.6, 5.0};
    private static final double[] AMOUNT_SIGMA = {0.45, 0.25, 0.45, 0.6, 0.7, 0.5, 0.6};
    private static final double[] EXTRA_ITEMS = {6, 0, 0.5, 1.2, 1.0, 0.4, 0.3};
    /** Share of a day's purchases in each hour, midnight first. */
    private static final double[] HOUR_WEIGHTS = {0.8, 0.4, 0.25, 0.2, 0.25, 0.6, 1.5, 3, 4.5, 5, 5.5, 6.5, 8, 7,
        5.5, 5, 5.5, 6.5, 7.5, 7.5, 6.5, 5, 3.5, 1.8};
    private static final String[] CITIES = {"New York", "Los Angeles", "Chicago", "Houston", "Phoenix",
        "Philadelphia", "San Antonio", "San Diego", "Dallas", "Seattle", "Boston", "Denver", "Miami", "Atlanta"};
    private static final double[] CITY_WEIGHTS = {14, 10, 8, 7, 5, 5, 4, 4, 4, 4, 4, 3, 3, 3};
    /** Where customers almost never shop; stolen cards turn up there. */
    private static final String[] REMOTE_CITIES = {"Anchorage", "Honolulu", "Reykjavik", "Valletta", "Tallinn"};
    private static final String[] PAYMENTS = {"credit", "debit", "paypal", "apple_pay", "gift_card", "crypto"};
    private static final double[] PAYMENT_WEIGHTS = {50, 30, 12, 8, 0, 0};
    private static final int RARE_PAYMENTS = 4;

    private record Customer(int home, int payment, double scale) {
    }

    private record Row(int second, double amount, int customer, int category, String location, int payment,
                       int items, boolean fraud) {
    }

    @Override
    public List<String> columns() {
        return List.of("transaction_id", "transaction_time", "amount", "customer_id", "merchant_category",
                "hour_of_day", "location", "payment_method", "items", "label");
    }

    @Override
    public void write(SampleSpec spec, Writer out) throws IOException {
        Draws draws = new Draws(spec.seed());
        Customer[] customers = population(draws, Math.max(50, Math.min(20_000, spec.rows() / 25)));
        CsvLine line = new CsvLine();
        long id = 0;
        for (int done = 0, day = 0; done < spec.rows(); day++) {
            int n = Math.min(BLOCK_ROWS, spec.rows() - done);
            int frauds = (int) (spec.anomaliesBefore(done + n) - spec.anomaliesBefore(done));
            AnomalyPlan plan = AnomalyPlan.place(draws.random(), n, 1, frauds, 1, 1);
            Row[] rows = new Row[n];
            for (int i = 0; i < n; i++) {
                rows[i] = plan.anomalous(i) ? fraud(draws, customers) : normal(draws, customers);
            }
            Arrays.sort(rows, Comparator.comparingInt(Row::second));
            for (Row r : rows) {
                line.code("TXN", ++id, 9)
                        .timestamp(START_MILLIS + day * 86_400_000L + r.second() * 1000L, false)
                        .fixed(r.amount(), 2)
                        .integer(r.customer() + 1)
                        .text(CATEGORIES[r.category()])
                        .integer(r.second() / 3600)
                        .text(r.location())
                        .text(PAYMENTS[r.payment()])
                        .integer(r.items())
                        .integer(r.fraud() ? 1 : 0)
                        .writeTo(out);
            }
            done += n;
        }
    }

    private static Customer[] population(Draws d, int size) {
        Customer[] c = new Customer[size];
        for (int i = 0; i < size; i++) {
            c[i] = new Customer(d.weighted(CITY_WEIGHTS), d.weighted(PAYMENT_WEIGHTS), d.logNormal(0, 0.3));
        }
        return c;
    }

    private static Row normal(Draws d, Customer[] customers) {
        int who = d.integer(customers.length);
        Customer c = customers[who];
        int category = d.weighted(CATEGORY_WEIGHTS);
        double amount = amount(d, category, c);
        int second = d.weighted(HOUR_WEIGHTS) * 3600 + d.integer(3600);
        String location = d.chance(0.93) ? CITIES[c.home()]
                : d.chance(0.03) ? REMOTE_CITIES[d.integer(REMOTE_CITIES.length)] : CITIES[d.weighted(CITY_WEIGHTS)];
        int payment = d.chance(0.85) ? c.payment()
                : d.chance(0.08) ? RARE_PAYMENTS + d.integer(2) : d.weighted(PAYMENT_WEIGHTS);
        return new Row(second, amount, who, category, location, payment, items(d, category), false);
    }

    /** An ordinary purchase with two or three of the fraud signals laid over it. */
    private static Row fraud(Draws d, Customer[] customers) {
        Row base = normal(d, customers);
        boolean[] signal = new boolean[4];
        int wanted = d.chance(0.6) ? 2 : 3;
        for (int set = 0; set < wanted; ) {
            int s = d.integer(signal.length);
            if (!signal[s]) {
                signal[s] = true;
                set++;
            }
        }
        int category = base.category();
        double amount = base.amount();
        if (signal[0]) {
            // Resellable goods, bought big.
            category = d.chance(0.5) ? category : d.chance(0.5) ? ELECTRONICS : ONLINE;
            amount = amount(d, category, customers[base.customer()]) * Math.exp(1.6 + 0.7 * Math.abs(d.gaussian()));
        }
        int second = signal[1] ? d.integer(1, 4) * 3600 + d.integer(3600) : base.second();
        int items = signal[2] ? d.integer(12, 40) : base.items();
        String location = base.location();
        int payment = base.payment();
        if (signal[3]) {
            if (d.chance(0.5)) {
                location = REMOTE_CITIES[d.integer(REMOTE_CITIES.length)];
            } else {
                payment = RARE_PAYMENTS + d.integer(2);
            }
        }
        return new Row(second, amount, base.customer(), category, location, payment, items, true);
    }

    private static double amount(Draws d, int category, Customer c) {
        return Math.max(0.5, d.logNormal(AMOUNT_MU[category], AMOUNT_SIGMA[category]) * c.scale());
    }

    private static int items(Draws d, int category) {
        return 1 + d.poisson(EXTRA_ITEMS[category]);
    }
}
