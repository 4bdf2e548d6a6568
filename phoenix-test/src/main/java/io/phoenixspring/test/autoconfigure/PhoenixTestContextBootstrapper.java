package io.phoenixspring.test.autoconfigure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;
import org.springframework.boot.test.context.ReactiveWebMergedContextConfiguration;
import org.springframework.test.context.MergedContextConfiguration;

/** Starts {@link PhoenixTest @PhoenixTest}'s context as a reactive web one, with the local PubSub. */
class PhoenixTestContextBootstrapper extends TestSliceTestContextBootstrapper<PhoenixTest> {

    @Override
    protected MergedContextConfiguration processMergedContextConfiguration(MergedContextConfiguration mergedConfig) {
        return new ReactiveWebMergedContextConfiguration(super.processMergedContextConfiguration(mergedConfig));
    }

    @Override
    protected String[] getProperties(Class<?> testClass) {
        String[] own = super.getProperties(testClass);
        List<String> properties = new ArrayList<>();
        properties.add("phoenix.pubsub.adapter=local");
        if (own != null) {
            properties.addAll(Arrays.asList(own));
        }
        return properties.toArray(String[]::new);
    }
}
