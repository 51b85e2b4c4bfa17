package com.callbackcloser.core.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Whether an address is on the public internet: what an outbound webhook may be sent to. Everything else is
 * inside some network (ours included) or not a real destination, after IANA's special-purpose address registries.
 *
 * <p>IPv6 is judged by what may be called, not by what may not: only global unicast (2000::/3) passes, minus its
 * special-purpose blocks, so a block added to the registry later is refused until it is listed here. The blocks
 * that carry an IPv4 address inside them (IPv4-mapped, NAT64's well-known prefix, 6to4) are judged by that IPv4
 * address: {@code [::ffff:127.0.0.1]}, {@code [64:ff9b::7f00:1]} and {@code [2002:7f00:1::]} all lead to
 * 127.0.0.1. Teredo hides its client's address and the other IPv4-carrying forms are obsolete: refused.
 */
final class PublicAddresses {
    /** IPv4 blocks that are not public: {network, prefix length}. */
    private static final int[][] NOT_PUBLIC_V4 = {
        {ipv4(0, 0, 0, 0), 8}, // "this network"
        {ipv4(10, 0, 0, 0), 8}, // private
        {ipv4(100, 64, 0, 0), 10}, // carrier-grade NAT
        {ipv4(127, 0, 0, 0), 8}, // loopback
        {ipv4(169, 254, 0, 0), 16}, // link-local, the cloud metadata service
        {ipv4(172, 16, 0, 0), 12}, // private
        {ipv4(192, 0, 0, 0), 24}, // IETF protocol assignments
        {ipv4(192, 0, 2, 0), 24}, // documentation
        {ipv4(192, 88, 99, 0), 24}, // the deprecated 6to4 relay anycast
        {ipv4(192, 168, 0, 0), 16}, // private
        {ipv4(198, 18, 0, 0), 15}, // benchmarking
        {ipv4(198, 51, 100, 0), 24}, // documentation
        {ipv4(203, 0, 113, 0), 24}, // documentation
        {ipv4(224, 0, 0, 0), 4}, // multicast
        {ipv4(240, 0, 0, 0), 4}, // reserved, and the broadcast address
    };

    private PublicAddresses() {}

    static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicIpv4(bytes, 0);
        }
        if (address instanceof Inet6Address) {
            return isPublicIpv6(bytes);
        }
        return false;
    }

    private static boolean isPublicIpv6(byte[] b) {
        if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return isPublicIpv4(b, 12); // ::ffff:0:0/96, IPv4-mapped
        }
        if (word(b, 0) == 0x0064 && word(b, 2) == 0xff9b && isZero(b, 4, 8)) {
            return isPublicIpv4(b, 12); // 64:ff9b::/96, NAT64's well-known prefix
        }
        if (word(b, 0) == 0x2002) {
            return isPublicIpv4(b, 2); // 2002::/16, 6to4
        }
        if ((b[0] & 0xe0) != 0x20) {
            // Outside 2000::/3: ::/128, ::1, IPv4-compatible ::/96, IPv4-translated, 64:ff9b:1::/48, discard-only
            // 100::/64, unique local fc00::/7, link-local fe80::/10, site-local fec0::/10, multicast ff00::/8, ...
            return false;
        }
        int first = word(b, 0);
        int second = word(b, 2);
        return !(first == 0x2001 && second < 0x0200) // 2001::/23, IETF protocol assignments: Teredo, ORCHID, ...
                && !(first == 0x2001 && second == 0x0db8) // 2001:db8::/32, documentation
                && !(first == 0x3fff && (second & 0xf000) == 0); // 3fff::/20, documentation (RFC 9637)
    }

    private static boolean isPublicIpv4(byte[] b, int offset) {
        int address = ipv4(b[offset] & 0xff, b[offset + 1] & 0xff, b[offset + 2] & 0xff, b[offset + 3] & 0xff);
        for (int[] block : NOT_PUBLIC_V4) {
            int mask = -1 << (32 - block[1]);
            if ((address & mask) == block[0]) {
                return false;
            }
        }
        return true;
    }

    private static int ipv4(int a, int b, int c, int d) {
        return (a << 24) | (b << 16) | (c << 8) | d;
    }

    private static int word(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 8) | (b[offset + 1] & 0xff);
    }

    private static boolean isZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
