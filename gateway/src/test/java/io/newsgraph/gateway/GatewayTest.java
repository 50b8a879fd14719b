package io.newsgraph.gateway;

import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest of this module runs against WireMock upstreams (see {@link FakeUpstreams}). */
@QuarkusTestResource(FakeUpstreams.class)
public final class GatewayTest {
    private GatewayTest() {}
}
