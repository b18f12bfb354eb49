package id.ossgateway.source.template;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/templates}: the source templates and their parameters, for integrators and forms. */
@RestController
class TemplatesApi {

    private final SourceTemplates templates;

    TemplatesApi(SourceTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/api/v1/templates")
    List<SourceTemplate> templates() {
        return templates.all();
    }
}
