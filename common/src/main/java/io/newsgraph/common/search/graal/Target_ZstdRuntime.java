package io.newsgraph.common.search.graal;

import com.oracle.svm.core.annotate.Substitute;
import com.oracle.svm.core.annotate.TargetClass;

/**
 * Native image only. HttpClient 5.6 (under the OpenSearch client, {@code SearchClients}) builds its response
 * decompression with a zstd decoder when {@code ZstdRuntime.available()} finds zstd-jni at run time. That library is
 * optional and not shipped, so the decoder's classes cannot be resolved, and native-image (every class linked at build
 * time, as Quarkus asks) refuses to build: "Discovered unresolved type during parsing:
 * com.github.luben.zstd.ZstdDecompressCtx". Answering {@code false} as a constant, as the JVM answers at run time
 * without the library, makes the decoder unreachable. The client does not decompress anyway (compression is disabled
 * in {@code SearchClients}); nothing changes on the JVM, and nothing here applies once zstd-jni is on the class path.
 */
@TargetClass(className = "org.apache.hc.client5.http.impl.ZstdRuntime", onlyWith = ZstdAbsent.class)
final class Target_ZstdRuntime {
    @Substitute
    public static boolean available() {
        return false;
    }
}
