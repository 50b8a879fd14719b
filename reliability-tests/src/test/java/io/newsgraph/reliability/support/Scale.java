package io.newsgraph.reliability.support;

/**
 * How big the runs are: {@code ci} (the default, every verify: small and quick) or {@code full}
 * (bench/reliability/run.sh: the sizes the issue asks for). System property {@code reliability.profile}.
 */
public final class Scale {
    public static final boolean FULL = "full".equals(System.getProperty("reliability.profile", "ci"));

    private Scale() {}

    public static int pick(int ci, int full) {
        return FULL ? full : ci;
    }
}
