package org.accord.gateway.webclient;

import java.util.Comparator;
import java.util.List;

import org.accord.identity.CountryRegistry;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The member countries and groups, so the web client's choosers follow the registry instead of a copy of it. */
@RestController
class CountriesController {

    private final CountryRegistry registry;

    CountriesController(CountryRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/api/countries")
    Countries countries() {
        List<Member> members = registry.members().stream()
                .map(code -> new Member(code, registry.name(code).orElse(code)))
                .sorted(Comparator.comparing(Member::name))
                .toList();
        List<Group> groups = registry.groups().stream()
                .map(code -> new Group(code, registry.expand(code).stream().sorted().toList()))
                .toList();
        return new Countries(members, groups);
    }

    record Countries(List<Member> members, List<Group> groups) {
    }

    record Member(String code, String name) {
    }

    record Group(String code, List<String> members) {
    }
}
