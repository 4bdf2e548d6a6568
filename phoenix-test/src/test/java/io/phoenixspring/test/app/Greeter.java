package io.phoenixspring.test.app;

import org.springframework.stereotype.Service;

/** A service no test names: @PhoenixTest must leave it out. */
@Service
public class Greeter {
    public String greet(String name) {
        return "hello " + name;
    }
}
