package io.phoenixspring.autoconfigure.live;

import io.phoenixspring.live.template.VerifiedSigils;
import io.phoenixspring.web.router.Router;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Checks the templates' {@code ~p} paths against the application's router once every singleton
 * exists (templates compiled while beans were made are recorded by then), as Phoenix's compiler warns;
 * later templates are checked as they compile, until the context closes.
 */
final class SigilVerification implements SmartInitializingSingleton, DisposableBean {

    private final ListableBeanFactory beans;
    private Router router;

    SigilVerification(ListableBeanFactory beans, List<String> staticPaths) {
        this.beans = beans;
        VerifiedSigils.staticPaths(staticPaths);
    }

    @Override
    public void afterSingletonsInstantiated() {
        String[] names = beans.getBeanNamesForType(Router.class);
        if (names.length == 1) {
            router = beans.getBean(names[0], Router.class);
            VerifiedSigils.verifyAgainst(names[0], router);
        }
    }

    @Override
    public void destroy() {
        if (router != null) {
            VerifiedSigils.forget(router);
        }
    }
}
