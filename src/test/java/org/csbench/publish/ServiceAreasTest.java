package org.csbench.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.csbench.publish.ServiceAreas;
import org.csbench.config.CatalogueLoader;
import org.csbench.config.Indicator;
import org.csbench.model.CsbenchException;

/** pipelines/service-areas.yaml places every catalogue indicator once; mistakes are named. */
class ServiceAreasTest {
    @Test
    void everyCatalogueIndicatorIsInOneArea() {
        ServiceAreas areas = ServiceAreas.load(ServiceAreas.DEFAULT);
        List<String> placed = new ArrayList<>();
        areas.areas().forEach(a -> placed.addAll(a.indicators()));
        TreeSet<String> catalogue = new TreeSet<>(CatalogueLoader.load(Path.of("pipelines", "indicators.yaml"))
                .indicators().stream().map(Indicator::id).toList());
        assertEquals(catalogue, new TreeSet<>(placed));
        assertEquals(placed.size(), catalogue.size(), "no indicator twice");
        assertEquals(List.of("Front door and referrals", "Assessments", "Children in need", "Child protection",
                "Children looked after", "Care leavers", "Workforce", "Youth justice"),
                areas.areas().stream().map(ServiceAreas.Area::name).toList());
    }

    @Test
    void anIndicatorTheFileDoesNotPlaceGoesToOther() {
        ServiceAreas areas = new ServiceAreas(List.of(new ServiceAreas.Area("a", "A", List.of("x"))));
        var grouped = areas.group(List.of("y", "x"), s -> s);
        assertEquals(List.of("A", "Other indicators"), grouped.keySet().stream().map(ServiceAreas.Area::name).toList());
    }

    @Test
    void mistakesNameTheFileAndPlace() throws Exception {
        Path file = Files.createTempFile("areas", ".yaml");
        Files.writeString(file, "areas:\n  - id: a\n    name: A\n    indicators: [x]\n  - id: b\n    name: B\n"
                + "    indicators: [x]\n");
        CsbenchException twice = assertThrows(CsbenchException.class, () -> ServiceAreas.load(file));
        assertEquals(file + ": areas[1].indicators: 'x' is already in area a; an indicator belongs to one area",
                twice.getMessage());
        Files.writeString(file, "areas:\n  - id: Front Door\n    name: A\n    indicators: []\n");
        CsbenchException id = assertThrows(CsbenchException.class, () -> ServiceAreas.load(file));
        assertEquals(true, id.getMessage().contains("areas[0].id: 'Front Door' is not lower-case letters, digits and "
                + "hyphens"), id.getMessage());
    }
}
