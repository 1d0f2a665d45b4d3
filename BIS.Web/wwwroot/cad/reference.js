// The CAD API reference: Swagger UI over BIS's own OpenAPI document, served from BIS (no internet needed).
// Only GETs can be tried from the page: a POST needs an Idempotency-Key and the CSRF token, and a reference
// page that changes live incidents by a click is a hazard in a dispatch centre.
(function () {
    const host = document.getElementById("reference");
    window.SwaggerUIBundle({
        url: host.dataset.document,
        domNode: host,
        deepLinking: true,
        supportedSubmitMethods: ["get"],
        defaultModelsExpandDepth: 0,
        docExpansion: "list",
        validatorUrl: null,
        presets: [window.SwaggerUIBundle.presets.apis],
        layout: "BaseLayout",
    });
})();
