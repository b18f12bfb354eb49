package id.ossgateway.source.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Connections to the OPDs' legacy databases: a small read-only pool per database. Kept apart from the
 * gateway's own state database so that a slow legacy server cannot starve the journal.
 */
@Component
public class OpdDataSources implements DisposableBean {

    private final BeanFactory beans;
    private final Map<String, HikariDataSource> pools = new ConcurrentHashMap<>();

    public OpdDataSources(BeanFactory beans) {
        this.beans = beans;
    }

    public DataSource forSpec(SqlSourceSpec spec) {
        if (spec.dataSource() != null && !spec.dataSource().isBlank()) {
            return beans.getBean(spec.dataSource(), DataSource.class);
        }
        return pools.computeIfAbsent(spec.jdbcUrl() + '\n' + spec.username(), k -> {
            HikariConfig config = new HikariConfig();
            config.setPoolName("opd-" + spec.systemId());
            config.setJdbcUrl(spec.jdbcUrl());
            config.setUsername(spec.username());
            config.setPassword(spec.password());
            config.setReadOnly(true);
            config.setMaximumPoolSize(2);
            config.setMinimumIdle(0);
            config.setConnectionTimeout(10_000);
            // start even when the legacy database is down: the poll reports it, the gateway runs on
            config.setInitializationFailTimeout(-1);
            return new HikariDataSource(config);
        });
    }

    @Override
    public void destroy() {
        pools.values().forEach(HikariDataSource::close);
    }
}
