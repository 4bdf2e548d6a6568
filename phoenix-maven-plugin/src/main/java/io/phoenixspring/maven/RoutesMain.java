package io.phoenixspring.maven;

import java.lang.reflect.Method;

/**
 * Runs in the JVM that {@code phoenix:routes} forks on the application's classpath: starts the
 * application (a random port, no banner, quiet logs), prints its {@code Router} bean's
 * {@code format()} between markers, and stops it. Reflection only: this class is loaded beside the
 * application's own Spring and Phoenix, never with the plugin's.
 */
final class RoutesMain {

    static final String BEGIN = "----- phoenix routes -----";
    static final String END = "----- end of phoenix routes -----";
    static final String NO_ROUTER = "----- no Router bean -----";

    private RoutesMain() {
    }

    public static void main(String[] args) throws Exception {
        Class<?> application = Class.forName(args[0]);
        Class<?> springApplication = Class.forName("org.springframework.boot.SpringApplication");
        Object spring = springApplication.getConstructor(Class[].class).newInstance((Object) new Class<?>[] {application});
        String[] properties = {"--server.port=0", "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--management.server.port=0"};
        Object context = springApplication.getMethod("run", String[].class).invoke(spring, (Object) properties);
        int status = 0;
        try {
            Class<?> router = Class.forName("io.phoenixspring.web.router.Router");
            // Through the public interfaces: the implementations are not public classes.
            Method getBeanProvider = Class.forName("org.springframework.beans.factory.BeanFactory").getMethod("getBeanProvider", Class.class);
            Object provider = getBeanProvider.invoke(context, router);
            Object bean = Class.forName("org.springframework.beans.factory.ObjectProvider").getMethod("getIfAvailable").invoke(provider);
            if (bean == null) {
                System.out.println(NO_ROUTER);
                status = 2;
            } else {
                System.out.println(BEGIN);
                System.out.println(router.getMethod("format").invoke(bean));
                System.out.println(END);
            }
        } finally {
            ((AutoCloseable) context).close();
        }
        System.out.flush();
        System.exit(status);
    }
}
