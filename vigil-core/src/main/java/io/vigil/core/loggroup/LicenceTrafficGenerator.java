package io.vigil.core.loggroup;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Seeded, realistic licence-verification traffic for tests, demos and the UI's sample data sets. A fixed population
 * (drawn from the seed, the same in every call) of customers, each with a home country, a key per product it owns
 * (one of a few products, some customers owning two), one to six machines with stable IPs behind one or two office
 * addresses, and an activity level (log-normal: a few heavy users, many light ones). Requests follow a daily rhythm
 * in each customer's local time (working hours busiest, nights quiet, weekends at 40%) as a Poisson process per
 * customer and hour. About one request in a hundred fails on its own (expired key, a network hiccup, a machine
 * limit), never more than once in a row for a customer. New customers sign up during each generated window (at
 * the profile's rate, drawn afresh per call): they are new to any model fitted on earlier traffic, as real sign-ups
 * are, and should not be flagged for it.
 *
 * <p>Three kinds of {@link PlantedIncident} can be planted at given times: a customer failing verification over and
 * over, a stolen key tried from many countries and machines, and a burst of guessed keys. States are HTTP-like
 * ({@link StateMapping#standard()}): 200 success, 401 invalid key, 409 machine limit reached, 410 key expired,
 * 503 service unavailable.
 */
public final class LicenceTrafficGenerator {
    /** Home countries and their UTC offsets, weighted by how many customers live there. */
    private static final String[] COUNTRIES = {"US", "DE", "GB", "IN", "FR", "JP", "SE", "NL", "BR", "CA", "AU",
        "PL", "ES", "IT", "KR"};
    private static final int[] COUNTRY_WEIGHTS = {25, 12, 10, 8, 6, 6, 5, 5, 5, 5, 4, 3, 3, 2, 1};
    private static final int[] UTC_OFFSETS = {-5, 1, 0, 5, 1, 9, 1, 1, -3, -5, 10, 1, 1, 1, 9};
    /** Where stolen keys and guessing bots show up from: mostly countries no customer lives in. */
    private static final String[] FOREIGN = {"CN", "RU", "VN", "NG", "UA", "TR", "ID", "MX", "AR", "ZA", "EG", "PK",
        "TH", "US", "DE"};
    private static final String[] METHODS = {"Activate", "Activate", "Activate", "Activate", "Activate", "Activate",
        "Activate", "Activate", "GetKey", "Deactivate"};

    /**
     * The population and its habits.
     *
     * @param customers      customers, each with its own keys, machines and country
     * @param products       products sold
     * @param requestsPerDay mean requests per weekday over all customers
     * @param failureRate    share of ordinary requests that fail on their own
     * @param newCustomersPerDay mean customers signing up per day of generated traffic, each new to the population
     *                       (and so to any model fitted on earlier traffic)
     */
    public record Profile(int customers, int products, double requestsPerDay, double failureRate,
                          double newCustomersPerDay) {
        public Profile {
            if (customers < 1 || products < 1 || !(requestsPerDay > 0) || !(failureRate >= 0 && failureRate < 1)
                    || !(newCustomersPerDay >= 0)) {
                throw new IllegalArgumentException("a traffic profile needs customers, products, a positive rate, "
                        + "a failure rate in [0, 1) and a non-negative sign-up rate");
            }
        }

        /** 600 customers, 3 products, 20,000 requests a weekday, 1% failures, 3 sign-ups a day. */
        public static Profile standard() {
            return new Profile(600, 3, 20_000, 0.01, 3);
        }
    }

    /**
     * An incident to plant.
     *
     * @param kind  which kind
     * @param start when it begins
     */
    public record Plan(PlantedIncident.Kind kind, Instant start) {
    }

    private record Machine(String code, String ip) {
    }

    private record Customer(String country, int utcOffset, double activity, String[] products, String[] keys,
                            Machine[] machines) {
    }

    /** A request before ids are assigned; incident = index into the plans, -1 for ordinary traffic. */
    private record Draft(long millis, String product, String key, String machine, String ip, String country,
                         int state, String method, int incident) {
    }

    private final Profile profile;
    private final long seed;
    private final Customer[] customers;
    private final double weekdayScale;

    public LicenceTrafficGenerator(Profile profile, long seed) {
        this.profile = profile;
        this.seed = seed;
        SplittableRandom r = new SplittableRandom(seed);
        this.customers = new Customer[profile.customers()];
        for (int c = 0; c < customers.length; c++) {
            customers[c] = customer(r);
        }
        double weight = 0;
        for (Customer c : customers) {
            for (int h = 0; h < 24; h++) {
                weight += c.activity() * rhythm(Math.floorMod(h + c.utcOffset(), 24), false);
            }
        }
        this.weekdayScale = profile.requestsPerDay() / weight;
    }

    private Customer customer(SplittableRandom r) {
        int home = weighted(r, COUNTRY_WEIGHTS);
        int owned = r.nextDouble() < 0.25 && profile.products() > 1 ? 2 : 1;
        int first = r.nextInt(profile.products());
        String[] products = new String[owned];
        String[] keys = new String[owned];
        for (int p = 0; p < owned; p++) {
            products[p] = "product-" + (1 + (first + p) % profile.products());
            keys[p] = licenceKey(r);
        }
        String[] offices = {ip(r), ip(r)};
        int machines = Math.min(6, 1 + (int) (-Math.log(1 - r.nextDouble()) * 1.2));
        Machine[] ms = new Machine[machines];
        for (int m = 0; m < machines; m++) {
            ms[m] = new Machine(hex(r, 16), offices[r.nextDouble() < 0.7 ? 0 : 1]);
        }
        double activity = Math.exp(r.nextGaussian());
        return new Customer(COUNTRIES[home], UTC_OFFSETS[home], activity, products, keys, ms);
    }

    /** Relative request intensity at a local hour: office hours, evening, night. */
    private static double rhythm(int localHour, boolean weekend) {
        double base = localHour >= 8 && localHour < 18 ? 1.0 : localHour >= 18 && localHour < 23 ? 0.35 : 0.12;
        return weekend ? base * 0.4 : base;
    }

    /**
     * Traffic from {@code start} for {@code length}, ids from {@code firstId}, with the planned incidents. The same
     * generator, arguments and seed give the same traffic.
     */
    public LicenceTraffic generate(Instant start, Duration length, long firstId, List<Plan> plans) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ start.toEpochMilli());
        List<Draft> drafts = new ArrayList<>((int) (profile.requestsPerDay() * length.toHours() / 24 * 1.1) + 16);
        long from = start.toEpochMilli();
        long to = start.plus(length).toEpochMilli();
        for (Customer cu : customers) {
            requests(cu, from, to, r, drafts);
        }
        // Customers who sign up during the window: new to any model fitted before it, and ordinary all the same.
        int joining = poisson(r, profile.newCustomersPerDay() * (to - from) / 86_400_000.0);
        for (int j = 0; j < joining; j++) {
            Customer cu = customer(r);
            requests(cu, from + (long) (r.nextDouble() * (to - from)), to, r, drafts);
        }
        String[] incidentKeys = new String[plans.size()];
        for (int i = 0; i < plans.size(); i++) {
            incidentKeys[i] = plant(plans.get(i), i, r, drafts);
        }
        drafts.sort(Comparator.comparingLong(Draft::millis));
        List<LogEntry> entries = new ArrayList<>(drafts.size());
        List<Set<Long>> ids = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            ids.add(new HashSet<>());
        }
        StateMapping mapping = StateMapping.standard();
        for (Draft d : drafts) {
            long id = firstId + entries.size();
            entries.add(LogEntry.of(id, Instant.ofEpochMilli(d.millis()), d.product(), d.key(), d.machine(), d.ip(),
                    d.country(), d.state(), d.method(), "/api/key/" + d.method(), Map.of(), mapping));
            if (d.incident() >= 0) {
                ids.get(d.incident()).add(id);
            }
        }
        List<PlantedIncident> incidents = new ArrayList<>();
        for (int i = 0; i < plans.size(); i++) {
            incidents.add(new PlantedIncident(plans.get(i).kind(), plans.get(i).start(), ids.get(i),
                    incidentKeys[i]));
        }
        return new LicenceTraffic(entries, incidents);
    }

    /** One customer's ordinary requests from {@code from} to {@code to}, hour by hour. */
    private void requests(Customer cu, long from, long to, SplittableRandom r, List<Draft> drafts) {
        boolean failedLast = false;
        for (long hour = from; hour < to; hour += 3_600_000L) {
            long hourEnd = Math.min(hour + 3_600_000L, to);
            double fraction = (hourEnd - hour) / 3_600_000.0;
            ZonedDateTime local = Instant.ofEpochMilli(hour).atZone(ZoneOffset.ofHours(cu.utcOffset()));
            boolean weekend = local.getDayOfWeek().getValue() >= 6;
            int count = poisson(r, weekdayScale * cu.activity() * rhythm(local.getHour(), weekend) * fraction);
            for (int k = 0; k < count; k++) {
                long at = hour + (long) (r.nextDouble() * (hourEnd - hour));
                int p = r.nextInt(cu.products().length);
                Machine m = cu.machines()[r.nextDouble() < 0.6 ? 0 : r.nextInt(cu.machines().length)];
                int state = 200;
                // Failures on their own are isolated: a hiccup, then the retry goes through.
                if (!failedLast && r.nextDouble() < profile.failureRate()) {
                    double u = r.nextDouble();
                    state = u < 0.4 ? 410 : u < 0.8 ? 503 : 409;
                    failedLast = true;
                } else {
                    failedLast = false;
                }
                drafts.add(new Draft(at, cu.products()[p], cu.keys()[p], m.code(), m.ip(), cu.country(), state,
                        METHODS[r.nextInt(METHODS.length)], -1));
            }
        }
    }

    /** Adds the plan's requests to the drafts; returns the key it concerns (null for key guessing). */
    private String plant(Plan plan, int index, SplittableRandom r, List<Draft> drafts) {
        long t = plan.start().toEpochMilli();
        switch (plan.kind()) {
            case REPEATED_FAILURES -> {
                // A client retrying every few seconds for about eight minutes: the key expired, or the machine limit
                // is reached, and every attempt fails.
                Customer cu = customers[r.nextInt(customers.length)];
                int state = r.nextBoolean() ? 410 : 409;
                for (int k = 0; k < 60; k++) {
                    t += 4_000 + r.nextInt(8_000);
                    Machine m = cu.machines()[r.nextInt(Math.min(2, cu.machines().length))];
                    drafts.add(new Draft(t, cu.products()[0], cu.keys()[0], m.code(), m.ip(), cu.country(), state,
                            "Activate", index));
                }
                return cu.keys()[0];
            }
            case STOLEN_KEY -> {
                // A leaked key activated on machine after machine around the world, until the machine limit
                // stops most of them.
                Customer cu = customers[r.nextInt(customers.length)];
                for (int k = 0; k < 50; k++) {
                    t += 3_000 + r.nextInt(12_000);
                    String country = FOREIGN[r.nextInt(FOREIGN.length)];
                    drafts.add(new Draft(t, cu.products()[0], cu.keys()[0], hex(r, 16), ip(r), country,
                            k < 10 ? 200 : 409, "Activate", index));
                }
                return cu.keys()[0];
            }
            case KEY_GUESSING -> {
                // A script trying made-up keys from two addresses, more than one request a second.
                String country = FOREIGN[r.nextInt(FOREIGN.length - 2)];
                String[] ips = {ip(r), ip(r)};
                String machine = hex(r, 16);
                String product = "product-" + (1 + r.nextInt(profile.products()));
                for (int k = 0; k < 150; k++) {
                    t += 300 + r.nextInt(1_200);
                    drafts.add(new Draft(t, product, licenceKey(r), machine, ips[k % 2], country, 401, "Activate",
                            index));
                }
                return null;
            }
            default -> throw new IllegalArgumentException("unknown incident kind " + plan.kind());
        }
    }

    private static int poisson(SplittableRandom r, double lambda) {
        if (lambda > 30) {
            return Math.max(0, (int) Math.round(lambda + Math.sqrt(lambda) * r.nextGaussian()));
        }
        // Knuth's multiplication method: exact, and quick for the small means of one customer-hour.
        double limit = Math.exp(-lambda);
        double p = r.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= r.nextDouble();
            k++;
        }
        return k;
    }

    private static int weighted(SplittableRandom r, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int u = r.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static String licenceKey(SplittableRandom r) {
        StringBuilder s = new StringBuilder(23);
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                s.append('-');
            }
            s.append((char) ('A' + r.nextInt(26)));
        }
        return s.toString();
    }

    private static String ip(SplittableRandom r) {
        return (1 + r.nextInt(222)) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    private static String hex(SplittableRandom r, int digits) {
        StringBuilder s = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            s.append(Character.forDigit(r.nextInt(16), 16));
        }
        return s.toString();
    }
}
