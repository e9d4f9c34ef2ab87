package com.roomagent.agent.proxy.pac;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Fixed names, fixed own addresses, a fixed clock; counts lookups. Names it does not know hang until the limit. */
final class FakePacEnvironment implements PacEnvironment {
    private final Map<String, List<InetAddress>> names = new HashMap<>();
    private final List<InetAddress> local = new ArrayList<>();
    private final Clock clock;
    private final List<String> lookups = new ArrayList<>();
    private boolean unknownNamesHang;

    FakePacEnvironment(Clock clock) {
        this.clock = clock;
    }

    FakePacEnvironment name(String host, String... addresses) throws UnknownHostException {
        List<InetAddress> list = new ArrayList<>();
        for (String address : addresses) {
            list.add(InetAddress.getByName(address));
        }
        names.put(host, list);
        return this;
    }

    FakePacEnvironment local(String... addresses) throws UnknownHostException {
        for (String address : addresses) {
            local.add(InetAddress.getByName(address));
        }
        return this;
    }

    /** Unknown names take the whole limit to fail, as a DNS server that does not answer. */
    FakePacEnvironment unknownNamesHang() {
        unknownNamesHang = true;
        return this;
    }

    synchronized List<String> lookups() {
        return List.copyOf(lookups);
    }

    @Override
    public List<InetAddress> resolve(String host, Duration limit) {
        synchronized (this) {
            lookups.add(host);
        }
        List<InetAddress> known = names.get(host);
        if (known == null && unknownNamesHang) {
            try {
                Thread.sleep(limit.toMillis()); // a silent DNS server: real time passes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return known == null ? List.of() : known;
    }

    @Override
    public List<InetAddress> localAddresses() {
        return List.copyOf(local);
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
