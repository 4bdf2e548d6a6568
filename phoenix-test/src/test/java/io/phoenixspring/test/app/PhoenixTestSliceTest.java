package io.phoenixspring.test.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.phoenixspring.channels.server.SocketRuntime;
import io.phoenixspring.presence.Presence;
import io.phoenixspring.pubsub.PubSub;
import io.phoenixspring.test.ChannelTest;
import io.phoenixspring.test.ConnTest;
import io.phoenixspring.test.LiveViewTest;
import io.phoenixspring.test.autoconfigure.PhoenixTest;
import io.phoenixspring.web.router.Router;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/** What the slice loads: the Phoenix side and what the test names, nothing else. */
class PhoenixTestSliceTest {

    @Nested
    @PhoenixTest(Notes.class)
    class Defaults {
        @Autowired
        ApplicationContext context;

        @Test
        void loadsRouterControllersSocketsChannelsPresenceAndTheHelpers() {
            assertThat(context.getBeansOfType(Router.class)).hasSize(1);
            assertThat(context.getBean(NoteController.class)).isNotNull();
            assertThat(context.getBean(PageController.class)).isNotNull();
            assertThat(context.getBean(UserSocket.class)).isNotNull();
            assertThat(context.getBean(RoomChannel.class)).isNotNull();
            assertThat(context.getBean(Presence.class)).isNotNull();
            assertThat(context.getBean(SocketRuntime.class)).isNotNull();
            assertThat(context.getBean(ConnTest.class)).isNotNull();
            assertThat(context.getBean(ChannelTest.class)).isNotNull();
            // This app has no LiveView: no /live socket, so no LiveViewTest (LiveSliceTest has one).
            assertThat(context.getBeansOfType(LiveViewTest.class)).isEmpty();
            assertThat(context.getBean(Notes.class)).isNotNull();
            assertThat(context.getBean(PubSub.class).toString()).doesNotContainIgnoringCase("redis");
        }

        @Test
        void leavesOutServicesTheTestDoesNotName() {
            assertThat(context.getBeansOfType(Greeter.class)).isEmpty();
        }
    }

    @Nested
    @PhoenixTest(includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = {Greeter.class, Notes.class}),
            properties = "phoenix.pubsub.node-name=slice-named")
    class Named {
        @Autowired
        ApplicationContext context;

        @Test
        void includesWhatTheFiltersNameAndHonoursProperties() {
            assertThat(context.getBean(Greeter.class).greet("ada")).isEqualTo("hello ada");
            assertThat(context.getBean(PubSub.class).nodeName()).isEqualTo("slice-named");
        }
    }
}
