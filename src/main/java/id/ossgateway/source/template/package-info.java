/**
 * Sources as instances of route templates: the catalogue of source templates (the kamelets in
 * {@code routes/kamelets}), their typed parameters, and the creation of a running source route from a
 * template and parameters at run time — for the systems defined in {@code config/sources/} and, later, for
 * those approved in the registry.
 */
package id.ossgateway.source.template;
