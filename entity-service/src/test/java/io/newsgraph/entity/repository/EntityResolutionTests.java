package io.newsgraph.entity.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.newsgraph.entity.extract.EntityType;
import io.newsgraph.entity.extract.Place;
import io.newsgraph.entity.repository.EntityRepository.ExtractedAlias;
import io.newsgraph.entity.repository.EntityRepository.Name;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** An analysis' names resolved to stored entities in a few statements (EntityRepository.resolveAll), on PostgreSQL. */
@QuarkusTest
class EntityResolutionTests {

    @Inject
    EntityRepository entities;

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private Map<Name, UUID> resolve(List<Name> names) {
        return QuarkusTransaction.requiringNew().call(() -> entities.resolveAll(names));
    }

    @Test
    void namesWithOneKeyAreOneEntityNamedByTheFirst() {
        String name = unique("Ann Lee");
        Name first = new Name(EntityType.PERSON, name);
        Name shouted = new Name(EntityType.PERSON, name.toUpperCase());
        Name organisation = new Name(EntityType.ORGANIZATION, name); // another type: another entity
        Map<Name, UUID> ids = resolve(List.of(first, shouted, organisation));

        assertEquals(ids.get(first), ids.get(shouted));
        assertNotEquals(ids.get(first), ids.get(organisation));
        assertEquals(name, entities.find(ids.get(first)).orElseThrow().canonicalName());
        assertEquals(ids, resolve(List.of(first, shouted, organisation)), "known names resolve to the same entities");
    }

    @Test
    void aUserAliasAndAMergeLeadToTheEntityThatNowHoldsTheName() {
        Name kept = new Name(EntityType.ORGANIZATION, unique("Ministry of Health"));
        Name merged = new Name(EntityType.ORGANIZATION, unique("Health Ministry"));
        Name corrected = new Name(EntityType.ORGANIZATION, unique("MoH"));
        Map<Name, UUID> before = resolve(List.of(kept, merged));
        QuarkusTransaction.requiringNew().run(() -> {
            entities.merge(before.get(merged), before.get(kept));
            entities.addUserAlias(before.get(merged), EntityType.ORGANIZATION, corrected.canonicalName());
        });

        Map<Name, UUID> after = resolve(List.of(merged, corrected, kept));
        assertEquals(before.get(kept), after.get(merged), "a merged entity forwards to its target");
        assertEquals(before.get(kept), after.get(corrected), "a user alias of a merged entity forwards too");
        assertEquals(before.get(kept), after.get(kept));
    }

    @Test
    void anExtractedAliasThatAUserConfirmsGuidesLaterExtractions() {
        Name ministry = new Name(EntityType.ORGANIZATION, unique("Ministry of Health"));
        UUID id = resolve(List.of(ministry)).get(ministry);
        String acronym = unique("MoH");
        QuarkusTransaction.requiringNew().run(() -> {
            entities.addExtractedAliases(List.of(new ExtractedAlias(id, EntityType.ORGANIZATION, acronym)));
            entities.addUserAlias(id, EntityType.ORGANIZATION, acronym);
        });

        assertEquals(Map.of(acronym, "USER"), entities.aliases(id));
        Name later = new Name(EntityType.ORGANIZATION, acronym);
        assertEquals(id, resolve(List.of(later)).get(later), "an article naming the acronym finds the ministry");
    }

    @Test
    void aMergeKeepsTheSourcesUserAliasesAsUserAliases() {
        Name source = new Name(EntityType.ORGANIZATION, unique("Health Department"));
        Name target = new Name(EntityType.ORGANIZATION, unique("Department of Health"));
        Map<Name, UUID> ids = resolve(List.of(source, target));
        String corrected = unique("DoH");
        String known = unique("Health Dept");
        QuarkusTransaction.requiringNew().run(() -> {
            entities.addUserAlias(ids.get(source), EntityType.ORGANIZATION, corrected);
            entities.addUserAlias(ids.get(source), EntityType.ORGANIZATION, known);
            entities.addExtractedAliases(List.of(new ExtractedAlias(ids.get(target), EntityType.ORGANIZATION, known)));
            entities.merge(ids.get(source), ids.get(target));
        });

        Map<String, String> aliases = entities.aliases(ids.get(target));
        assertEquals("USER", aliases.get(corrected), "a user alias moves with the merge");
        assertEquals("USER", aliases.get(known), "the target's extracted alias becomes the user's");
        Name later = new Name(EntityType.ORGANIZATION, corrected);
        assertEquals(ids.get(target), resolve(List.of(later)).get(later));
    }

    @Test
    void aliasesAndPlacesAreAddedOnceAndAPlaceIsNotMoved() {
        Name city = new Name(EntityType.LOCATION, unique("Kharkiv"));
        UUID id = resolve(List.of(city)).get(city);
        Place kharkiv = new Place(706483L, "UA", 49.98, 36.25);
        QuarkusTransaction.requiringNew().run(() -> {
            entities.addExtractedAliases(List.of(
                    new ExtractedAlias(id, EntityType.LOCATION, "Kharkov"),
                    new ExtractedAlias(id, EntityType.LOCATION, "KHARKOV"), // same key: one alias
                    new ExtractedAlias(id, EntityType.LOCATION, "Charkiw")));
            entities.link(Map.of(id, kharkiv));
        });
        QuarkusTransaction.requiringNew().run(() -> {
            entities.addExtractedAliases(List.of(new ExtractedAlias(id, EntityType.LOCATION, "Kharkov")));
            entities.link(Map.of(id, new Place(null, "RU", null, null))); // a later article's context
        });

        assertEquals(Map.of("Charkiw", "EXTRACTED", "Kharkov", "EXTRACTED"), entities.aliases(id));
        assertEquals(kharkiv, entities.find(id).orElseThrow().place());
    }

    /**
     * Workers analysing articles that name the same new entities, in different orders, at the same time: every name
     * ends as one entity that both see, and neither transaction fails (a deadlock or a unique-key error would).
     */
    @Test
    void concurrentWorkersWithOverlappingNewNamesAgree() throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                List<Name> names = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    names.add(new Name(i % 2 == 0 ? EntityType.PERSON : EntityType.LOCATION, unique("Name " + i)));
                }
                List<Name> reversed = new ArrayList<>(names);
                Collections.reverse(reversed);
                CountDownLatch start = new CountDownLatch(1);
                CompletableFuture<Map<Name, UUID>> one =
                        CompletableFuture.supplyAsync(() -> awaitThenResolve(start, names), workers);
                CompletableFuture<Map<Name, UUID>> two =
                        CompletableFuture.supplyAsync(() -> awaitThenResolve(start, reversed), workers);
                start.countDown();
                assertEquals(one.get(60, TimeUnit.SECONDS), two.get(60, TimeUnit.SECONDS));
                assertEquals(40, one.get().values().stream().distinct().count());
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private Map<Name, UUID> awaitThenResolve(CountDownLatch start, List<Name> names) {
        try {
            start.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return resolve(names);
    }
}
