package io.newsgraph.common.search.graal;

import java.util.function.BooleanSupplier;

/** True when zstd-jni, an optional dependency of Apache HttpClient 5 that this project does not ship, is not on the class path. */
final class ZstdAbsent implements BooleanSupplier {
    @Override
    public boolean getAsBoolean() {
        try {
            Class.forName("com.github.luben.zstd.Zstd", false, ZstdAbsent.class.getClassLoader());
            return false;
        } catch (ClassNotFoundException | LinkageError e) {
            return true;
        }
    }
}
