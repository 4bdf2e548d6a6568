package io.phoenixspring.test;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;
import org.springframework.util.ClassUtils;

/**
 * Closes the LiveViews a test opened with {@link LiveViewTest} when the test method ends, as ExUnit
 * ends a test's LiveView processes: a view of one test does not keep handling PubSub messages during
 * the next one, which shares the cached application context. Registered in {@code META-INF/spring.factories}.
 */
public final class LiveViewTestExecutionListener extends AbstractTestExecutionListener {

    /** phoenix-live-view is optional: without it there is no LiveViewTest to look for. */
    private static final boolean LIVE_VIEW = ClassUtils.isPresent("io.phoenixspring.live.channel.LiveSocketHandler",
            LiveViewTestExecutionListener.class.getClassLoader());

    @Override
    public void afterTestMethod(TestContext testContext) {
        if (LIVE_VIEW && testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(LiveViewTest.class).ifAvailable(LiveViewTest::closeViews);
        }
    }
}
