package com.example.chat;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.csrf.CsrfWebFilter;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Spring Security in front of the app: {@code /members/session} needs a signed-in user (HTTP basic),
 * the LiveDashboard under {@code /admin} an admin; the rest is open. Sockets decide for themselves ({@code @PhoenixSocket(authenticated = true)}),
 * and their long-poll POSTs are exempt from Spring Security's CSRF check: Phoenix protects them with
 * the signed long-poll token and the socket's own {@code _csrf_token} rule.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http) {
        return http
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/members/session").authenticated()
                        .pathMatchers("/admin/**").hasRole("ADMIN")
                        .anyExchange().permitAll())
                .httpBasic(Customizer.withDefaults())
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new AndServerWebExchangeMatcher(
                        CsrfWebFilter.DEFAULT_CSRF_MATCHER,
                        new NegatedServerWebExchangeMatcher(ServerWebExchangeMatchers.pathMatchers(
                                "/socket/longpoll", "/members/socket/longpoll", "/live/longpoll")))))
                .build();
    }

    @Bean
    MapReactiveUserDetailsService users() {
        return new MapReactiveUserDetailsService(
                User.withUsername("alice").password("{noop}alice-password").roles("MEMBER").build(),
                User.withUsername("bob").password("{noop}bob-password").roles("MEMBER").build(),
                User.withUsername("admin").password("{noop}admin-password").roles("ADMIN").build());
    }
}
