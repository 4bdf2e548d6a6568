package io.phoenixspring.autoconfigure.channels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class ReactorNettyVersionTest {

    @Test
    void versionsBefore138StallLongPoll() {
        assertThat(ReactorNettyVersion.stalls("1.3.6")).isTrue();
        assertThat(ReactorNettyVersion.stalls("1.3.7")).isTrue();
        assertThat(ReactorNettyVersion.stalls("1.3.0-M1")).isTrue();
        assertThat(ReactorNettyVersion.stalls("1.2.16")).isTrue();
        assertThat(ReactorNettyVersion.stalls("1.3")).isTrue();
        assertThat(ReactorNettyVersion.stalls("1.3.8")).isFalse();
        assertThat(ReactorNettyVersion.stalls("1.3.9")).isFalse();
        assertThat(ReactorNettyVersion.stalls("1.3.10")).isFalse();
        assertThat(ReactorNettyVersion.stalls("1.3.10-SNAPSHOT")).isFalse();
        assertThat(ReactorNettyVersion.stalls("1.4.0")).isFalse();
        assertThat(ReactorNettyVersion.stalls("2.0.0-M2")).isFalse();
        // Unreadable versions are not blamed.
        assertThat(ReactorNettyVersion.stalls("unknown")).isFalse();
        assertThat(ReactorNettyVersion.stalls("99999999999.0.0")).isFalse();
        assertThat(ReactorNettyVersion.stalls(null)).isFalse();
    }

    @Test
    void readsTheVersionOfTheReactorNettyOnTheClassPath() {
        String found = ReactorNettyVersion.find(getClass().getClassLoader());
        assertThat(found).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(ReactorNettyVersion.stalls(found)).as("the Reactor Netty Spring Boot manages: %s", found).isFalse();
        assertThat(ReactorNettyVersion.find(new FilteredClassLoader("reactor.netty"))).isNull();
    }

    @Test
    void anOldReactorNettyGetsOneWarningNamingTheVersionsAndTheFix(CapturedOutput output) {
        new SocketServerCheck(new DefaultListableBeanFactory(), getClass().getClassLoader(), "1.3.6")
                .afterSingletonsInstantiated();
        String warning = output.getAll().lines().filter(line -> line.contains("SocketServerCheck")).reduce("", String::concat);
        assertThat(warning).contains("WARN", "Reactor Netty 1.3.6 is on the class path", "before 1.3.8",
                "reactor-netty #4361", "Spring Boot 4.1.3", "reactor-bom.version=2025.0.8", "netty.version=4.2.18.Final");
        assertThat(output.getAll().lines().filter(line -> line.contains("SocketServerCheck"))).hasSize(1);
    }

    @Test
    void aFixedReactorNettyGetsNoWarning(CapturedOutput output) {
        new SocketServerCheck(new DefaultListableBeanFactory(), getClass().getClassLoader(), "1.3.9")
                .afterSingletonsInstantiated();
        new SocketServerCheck(new DefaultListableBeanFactory(), getClass().getClassLoader(), null)
                .afterSingletonsInstantiated();
        assertThat(output.getAll()).doesNotContain("SocketServerCheck");
    }
}
