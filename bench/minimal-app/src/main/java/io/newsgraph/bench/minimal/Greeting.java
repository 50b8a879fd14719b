package io.newsgraph.bench.minimal;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Entity;

/** The one entity: enough for Hibernate ORM to boot a real persistence unit. */
@Entity
public class Greeting extends PanacheEntity {
    public String text;
}
