"""大数据资源目录: search with facets, entry detail, department scorecard, freshness and quality."""
import streamlit as st

from lyg.auth.roles import DETAIL_ROLES, mask_restricted, sees_detail
from lyg.catalog import analysis as cat
from lyg.catalog import figures
from lyg.ui import marks, urlstate
from lyg.ui.context import context
from lyg.ui.facets import current_selection, facet_picker
from lyg.ui.layout import downloads, guarded, header, labelled, table_with_downloads
from lyg.ui.shared import shared
from lyg.ui.text import plain, with_detail

RESULT_COLUMNS = ("resource_code", "name", "provider", "class_category", "share_type", "open_text", "format", "update_cycle",
                  "last_updated_on", "freshness", "age_days", "items")
VOCABULARY = ("class_category", "share_type", "open_text", "format", "update_cycle", "freshness")
SCORECARD_COLUMNS = ("department", "provider_code", "entries", "unconditional_pct", "open_pct", "fresh_pct", "overdue", "delinquent",
                     "items_per_entry")
ctx = context("catalog")


def export_view(filters: cat.Filters, day):
    """The current view for export: restricted detail masked for this role, each row's provenance first."""
    view = mask_restricted(cat.export(ctx.db, filters, day), ctx.identity.role, share_column="共享类型")
    return marks.with_provenance_column(ctx, view.drop(columns="provenance"), rows=view["provenance"])


with guarded(ctx):
    day = cat.as_of(ctx.db)
    header(ctx, "page.catalog", day, domain="catalog")
    head = cat.headline(ctx.db, day)
    sample = marks.is_sample(ctx, "cat_entries")
    mark = f" {marks.badge(ctx)}" if sample else ""
    cols = st.columns(6)
    cols[0].metric(ctx.t("cat.entries") + mark, ctx.t("cat.n_entries", n=int(head["entries"])))
    cols[1].metric(ctx.t("cat.unconditional") + mark, f"{head['unconditional_pct']:.1f}%")
    cols[2].metric(ctx.t("cat.conditional") + mark, f"{head['conditional_pct']:.1f}%")
    cols[3].metric(ctx.t("cat.open") + mark, f"{head['open_pct']:.1f}%")
    cols[4].metric(ctx.t("cat.fresh_pct") + mark, f"{head['fresh_pct']:.1f}%")
    cols[5].metric(f"{ctx.t('cat.overdue')} / {ctx.t('cat.delinquent')}{mark}",
                   ctx.t("cat.n_entries_pair", a=int(head["overdue"]), b=int(head["delinquent"])))

    tab_search, tab_depts, tab_fresh, tab_quality = st.tabs([ctx.t("cat.search"), ctx.t("cat.scorecard"), ctx.t("cat.freshness"), ctx.t("cat.quality")])
    with tab_search:
        side, main = st.columns([1, 3])
        q = urlstate.text(ctx.t("cat.search"), "q", container=main, placeholder=ctx.t("cat.query"))
        full_detail = ctx.identity.role in DETAIL_ROLES  # who may search restricted summaries and data items
        filters = cat.Filters(q, full_detail=full_detail, **{field: tuple(current_selection(key)) for key, (_, field) in cat.FACETS.items()})
        counts = cat.facets(ctx.db, filters, day)
        filters = cat.Filters(q, full_detail=full_detail, **{field: tuple(facet_picker(ctx.t(f"cat.facet.{key}"), key, counts[key], side, ctx.t("generic.all"), ctx.tr))
                                    for key, (_, field) in cat.FACETS.items()})
        asked = st.query_params.get("page", "1")
        view = cat.result_page(ctx.db, filters, day, int(asked) if asked.isdigit() else 1)
        results, total, page, pages = view.rows, view.total, view.page, view.pages
        main.caption(ctx.t("cat.results", n=f"{total:,}", page=page, pages=pages))
        if results.empty:
            main.info(ctx.t("cat.none"))
        else:
            shown = marks.with_provenance_column(ctx, labelled(ctx, results, list(RESULT_COLUMNS), VOCABULARY), tables=("cat_entries",))
            main.dataframe(shown, hide_index=True, width="stretch", height=420, key="cat-results-table",
                           column_config={ctx.t("col.last_updated_on"): st.column_config.DateColumn(format="YYYY-MM-DD")})
        new_page = main.number_input(ctx.t("cat.page"), 1, pages, page, key="cat-page")
        if new_page != page:
            st.query_params["page"] = str(new_page)
            st.rerun()
        main.caption(ctx.t("cat.export_note", n=f"{total:,}"))
        with main:  # the whole view with full metadata, built only when a download is clicked
            downloads(ctx, lambda: export_view(filters, day), "catalog_view", "cat", tables=("cat_entries", "cat_items", "cat_departments"),
                      sample=sample, as_of=day, rows=total)
        if not results.empty:
            labels = dict(zip(results["resource_code"], results["resource_code"] + "  " + results["name"]))  # names as written
            code = main.selectbox(ctx.t("cat.detail"), list(labels), format_func=labels.get, key="cat-detail")
            entry = cat.entry(ctx.db, code, day)
            full = sees_detail(ctx.identity.role, entry["share_type"])
            with main.container(border=True):
                tr = ctx.tr
                st.markdown(f"#### {plain(entry['name'])} ({plain(entry['resource_code'])})")
                st.markdown(ctx.t("cat.entry_meta", provider=plain(entry["provider"]), provider_code=plain(entry["provider_code"]),
                                  cls=tr.value(entry["class_category"]), item=plain(entry["class_item"]),
                                  format=with_detail(tr, entry["format"], entry["format_detail"]),
                                  cycle=tr.value(entry["update_cycle"]), fresh=tr.value(entry["freshness"])))
                if not full:
                    st.markdown(ctx.t("cat.entry_hidden", share=tr.value(entry["share_type"]), hidden=ctx.t("cat.hidden")))
                else:
                    st.markdown(ctx.t("cat.entry_share", share=tr.value(entry["share_type"]), condition=plain(entry["share_condition"] or ""),
                                      method=with_detail(tr, entry["share_method"], entry["share_method_detail"]),
                                      open=tr.value(entry["open_text"])))
                    st.text(entry["summary"] or ctx.t("cat.no_summary"))
                if full:
                    st.markdown(f"**{ctx.t('cat.items')}**")
                    items = labelled(ctx, cat.entry_items(ctx.db, code), ["item_no", "item_name", "data_type"], ("item_name", "data_type"))
                    table_with_downloads(ctx, items, f"items_{code.replace('/', '_')}", key="cat-items", tables=("cat_items",))
                    related = cat.related(ctx.db, code)
                    if not related.empty:
                        st.markdown(f"**{ctx.t('cat.related')}**")
                        table_with_downloads(ctx, labelled(ctx, related, list(related.columns), ("direction",)), "related", key="cat-related",
                                             tables=("cat_entries",))
    with tab_depts:
        card = cat.scorecard(ctx.db, day)
        pct = {ctx.t(f"col.{c}"): st.column_config.ProgressColumn(format="%.1f%%", min_value=0, max_value=100)
               for c in ("unconditional_pct", "open_pct", "fresh_pct")}
        table_with_downloads(ctx, labelled(ctx, card.round(1), list(SCORECARD_COLUMNS)), "catalog_scorecard", key="cat-scorecard",
                             height=520, column_config=pct, tables=("cat_entries",), as_of=day)
    with tab_fresh:
        st.caption(ctx.t("cat.freshness_rule"))
        by_cycle = cat.freshness_by_cycle(ctx.db, day)
        left, right = st.columns([3, 2])
        left.plotly_chart(shared(ctx, ("cat-fresh-cycle", day), lambda: marks.marked(ctx, figures.freshness_by_cycle(by_cycle, tr=ctx.tr), sample=sample)),
                          key="cat-fresh-cycle")
        right.plotly_chart(shared(ctx, ("cat-fresh-share", day), lambda: marks.marked(ctx, figures.freshness_share(by_cycle, tr=ctx.tr), sample=sample)),
                           key="cat-fresh-share")
    with tab_quality:
        problems = cat.quality(ctx.db, full_detail=ctx.identity.role in DETAIL_ROLES)
        st.markdown(ctx.t("cat.quality_count", n=len(problems)) if len(problems) else ctx.t("cat.quality_none"))
        if len(problems):
            table_with_downloads(ctx, labelled(ctx, problems, ["resource_code", "name", "provider", "problem", "detail"], ("problem",)),
                                 "catalog_quality", key="cat-quality", height=420, tables=("cat_entries",))
