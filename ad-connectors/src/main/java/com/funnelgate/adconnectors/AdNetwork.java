package com.funnelgate.adconnectors;

/**
 * The ad networks Funnelgate knows by name, matching the GraphQL {@code AdNetwork} enum.
 *
 * <p>Only {@link #META}, {@link #GOOGLE_ADS} and {@link #ADROLL} have a client in this module; the
 * others are listed so that accounts and report rows can name them before their clients exist.
 */
public enum AdNetwork {
    META,
    GOOGLE_ADS,
    ADROLL,
    MICROSOFT_ADS,
    TIKTOK,
    LINKEDIN
}
