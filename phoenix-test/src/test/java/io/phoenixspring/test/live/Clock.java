package io.phoenixspring.test.live;

import org.springframework.stereotype.Service;

/** A service of the LiveView application, which @PhoenixTest leaves out unless a test names it. */
@Service
public class Clock {
}
