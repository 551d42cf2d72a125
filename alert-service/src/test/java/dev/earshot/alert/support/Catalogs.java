package dev.earshot.alert.support;

import dev.earshot.alert.catalog.BrandCatalog;
import dev.earshot.alert.detection.DetectionSettings;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A brand catalog of fixed brands, as the catalog topic would give them, for plain unit tests. */
public final class Catalogs {

    private Catalogs() {
    }

    public static BrandCatalog of(Collection<BrandCatalog.Brand> brands, List<String> defaultRecipients,
            List<String> operators) {
        Map<String, BrandCatalog.Brand> byId = brands.stream()
                .collect(Collectors.toMap(BrandCatalog.Brand::id, Function.identity()));
        return new BrandCatalog(defaultRecipients, operators, null, DetectionSettings.defaults(),
                id -> Optional.ofNullable(byId.get(id)), Optional::empty);
    }
}
