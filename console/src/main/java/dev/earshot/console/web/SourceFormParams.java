package dev.earshot.console.web;

import dev.earshot.console.catalog.SourceForm;
import jakarta.ws.rs.FormParam;

/** The source form as posted (the preview and the save post the same fields). */
public class SourceFormParams {

    @FormParam("id") public String id;
    @FormParam("kind") public String kind;
    @FormParam("url") public String url;
    @FormParam("brand") public String brand;
    @FormParam("maxPages") public String maxPages;
    @FormParam("selectors") public String selectors;
    @FormParam("json") public String json;
    @FormParam("render") public String render;
    @FormParam("existing") public String existing;

    SourceForm form() {
        return new SourceForm(id, kind, url, brand, maxPages, selectors, json, render != null, "true".equals(existing));
    }
}
