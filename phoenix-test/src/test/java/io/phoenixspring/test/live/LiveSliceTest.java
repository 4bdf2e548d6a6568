package io.phoenixspring.test.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.live.channel.LiveSocketHandler;
import io.phoenixspring.live.router.LiveRoutes;
import io.phoenixspring.test.LiveViewTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The slice loads the LiveViews, the LiveView auto-configuration and LiveViewTest, and leaves services out. */
@PhoenixTest
class LiveSliceTest {

    @Autowired
    ApplicationContext context;

    @Test
    void loadsTheLiveViewsTheirSocketAndLiveViewTest() {
        assertThat(context.getBean(CounterLive.class)).isNotNull();
        assertThat(context.getBean(FormLive.class)).isNotNull();
        assertThat(context.getBean(LiveRoutes.class)).isNotNull();
        assertThat(context.getBean(LiveSocketHandler.class)).isNotNull();
        assertThat(context.getBean(LiveViewTest.class)).isNotNull();
        assertThat(context.getBeansOfType(Clock.class)).isEmpty();
    }
}
