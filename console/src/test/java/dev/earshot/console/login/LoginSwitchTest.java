package dev.earshot.console.login;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One setting, EARSHOT_CONSOLE_OIDC, moves the pages from the form login to OIDC's code flow (application.properties). */
class LoginSwitchTest {

    static SmallRyeConfig config(Map<String, String> env) throws Exception {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withSources(new PropertiesConfigSource(
                LoginSwitchTest.class.getClassLoader().getResource("application.properties"), 100))
                .withSources(new MapBackedConfigSource("env", env, 300) {
                }).build();
    }

    @Test
    void offByDefaultTheFormLoginGuardsThePagesAndNoOidcTenantRuns() throws Exception {
        SmallRyeConfig c = config(Map.of());
        assertEquals("form", c.getValue("quarkus.http.auth.permission.pages.auth-mechanism", String.class));
        assertEquals("false", c.getValue("quarkus.oidc.tenant-enabled", String.class));
    }

    @Test
    void onTheCodeFlowGuardsThePagesWithTheProvidersGroupsMapped() throws Exception {
        SmallRyeConfig c = config(Map.of("EARSHOT_CONSOLE_OIDC", "true", "EARSHOT_CONSOLE_OIDC_URL",
                "https://sso.example/realms/earshot", "EARSHOT_CONSOLE_OIDC_ADMIN", "earshot-admins"));
        assertEquals("code", c.getValue("quarkus.http.auth.permission.pages.auth-mechanism", String.class));
        assertEquals("true", c.getValue("quarkus.oidc.tenant-enabled", String.class));
        assertEquals("https://sso.example/realms/earshot", c.getValue("quarkus.oidc.auth-server-url", String.class));
        assertEquals("earshot-admins", c.getValue("earshot.console.oidc.admin", String.class));
        assertEquals("groups", c.getValue("quarkus.oidc.roles.role-claim-path", String.class));
    }
}
