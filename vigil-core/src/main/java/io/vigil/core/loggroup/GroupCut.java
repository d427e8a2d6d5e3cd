package io.vigil.core.loggroup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a stretch of the log into consecutive groups of a fixed size, from its first entry on, either the whole log
 * or each product's entries on their own. Entries are taken in id order; what is left at the end of the stretch
 * (of each product) is pending until more entries arrive.
 *
 * @param groups  the complete groups, ordered by their first entry's id
 * @param pending the entries left over, in id order
 */
record GroupCut(List<Slice> groups, List<LogEntry> pending) {

    /** Entries [from, to) of {@code entries}; {@code product} is set only when cutting per product. */
    record Slice(List<LogEntry> entries, int from, int to, String product) {
        LogEntry first() {
            return entries.get(from);
        }

        LogEntry last() {
            return entries.get(to - 1);
        }
    }

    static GroupCut of(List<LogEntry> entries, int size, boolean perProduct) {
        List<LogEntry> ordered = inIdOrder(entries);
        List<Slice> groups = new ArrayList<>(ordered.size() / size + 1);
        List<LogEntry> pending = new ArrayList<>();
        if (!perProduct) {
            cut(ordered, size, null, groups, pending);
        } else {
            Map<String, List<LogEntry>> byProduct = new LinkedHashMap<>();
            for (LogEntry e : ordered) {
                byProduct.computeIfAbsent(e.product() == null ? "" : e.product(), p -> new ArrayList<>()).add(e);
            }
            byProduct.forEach((product, list) -> cut(list, size, product.isEmpty() ? null : product, groups,
                    pending));
            groups.sort(Comparator.comparingLong(s -> s.first().id()));
            pending.sort(Comparator.comparingLong(LogEntry::id));
        }
        return new GroupCut(groups, pending);
    }

    private static void cut(List<LogEntry> list, int size, String product, List<Slice> groups,
                            List<LogEntry> pending) {
        int full = list.size() / size * size;
        for (int from = 0; from < full; from += size) {
            groups.add(new Slice(list, from, from + size, product));
        }
        pending.addAll(list.subList(full, list.size()));
    }

    private static List<LogEntry> inIdOrder(List<LogEntry> entries) {
        if (!(entries instanceof java.util.RandomAccess)) {
            entries = new ArrayList<>(entries);
        }
        for (int i = 1; i < entries.size(); i++) {
            if (entries.get(i).id() < entries.get(i - 1).id()) {
                List<LogEntry> copy = new ArrayList<>(entries);
                copy.sort(Comparator.comparingLong(LogEntry::id));
                return copy;
            }
        }
        return entries;
    }
}
