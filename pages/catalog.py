"""大数据资源目录: search with facets, entry detail, department scorecard, freshness and quality."""
import math

import streamlit as st

from lyg.auth.roles import HIDDEN, mask_restricted, sees_detail
from lyg.catalog import figures
from lyg.catalog import search as cat
from lyg.export import csv_bytes, xlsx_bytes
from lyg.ui import urlstate
from lyg.ui.context import context
from lyg.ui.facets import current_selection, facet_picker
from lyg.ui.layout import guarded, header, table_with_downloads

ctx = context("catalog")
with guarded(ctx):
    day = cat.as_of(ctx.db)
    header(ctx, "page.catalog", day, illustrative=True)
    head = cat.headline(ctx.db, day)
    cols = st.columns(6)
    cols[0].metric(ctx.t("cat.entries"), f"{int(head['entries']):,} 条")
    cols[1].metric(ctx.t("cat.unconditional"), f"{head['unconditional_pct']:.1f}%")
    cols[2].metric(ctx.t("cat.conditional"), f"{head['conditional_pct']:.1f}%")
    cols[3].metric(ctx.t("cat.open"), f"{head['open_pct']:.1f}%")
    cols[4].metric(ctx.t("cat.fresh_pct"), f"{head['fresh_pct']:.1f}%")
    cols[5].metric(f"{ctx.t('cat.overdue')} / {ctx.t('cat.delinquent')}", f"{int(head['overdue'])} / {int(head['delinquent'])} 条")

    tab_search, tab_depts, tab_fresh, tab_quality = st.tabs([ctx.t("cat.search"), ctx.t("cat.scorecard"), ctx.t("cat.freshness"), ctx.t("cat.quality")])
    with tab_search:
        side, main = st.columns([1, 3])
        q = urlstate.text(ctx.t("cat.search"), "q", container=main, placeholder=ctx.t("cat.query"))
        filters = cat.Filters(q, **{field: tuple(current_selection(key)) for key, (_, field) in cat.FACETS.items()})
        counts = cat.facets(ctx.db, filters, day)
        filters = cat.Filters(q, **{field: tuple(facet_picker(ctx.t(f"cat.facet.{key}"), key, counts[key], side, ctx.t("generic.all")))
                                    for key, (_, field) in cat.FACETS.items()})
        page = int(st.query_params.get("page", "1")) if st.query_params.get("page", "1").isdigit() else 1
        results, total = cat.search(ctx.db, filters, day, page)
        pages = max(1, math.ceil(total / cat.PAGE_SIZE))
        main.caption(ctx.t("cat.results", n=f"{total:,}", page=min(page, pages), pages=pages))
        if results.empty:
            main.info(ctx.t("cat.none"))
        else:
            main.dataframe(results.rename(columns={"resource_code": "代码", "name": "名称", "provider": "提供方", "class_category": "类",
                           "share_type": "共享类型", "open_text": "向社会开放", "format": "格式", "update_cycle": "更新周期",
                           "last_updated_on": "最近更新", "freshness": "时效", "age_days": "距今天数", "items": "信息项数"}),
                           hide_index=True, width="stretch", height=420,
                           column_config={"最近更新": st.column_config.DateColumn(format="YYYY-MM-DD")})
        new_page = main.number_input(ctx.t("cat.page"), 1, pages, min(page, pages), key="cat-page")
        if new_page != page:
            st.query_params["page"] = str(new_page)
            st.rerun()
        view = mask_restricted(cat.export(ctx.db, filters, day), ctx.identity.role, share_column="共享类型")
        main.caption(ctx.t("cat.export_note", n=f"{len(view):,}"))
        left, right, _ = main.columns([1, 1, 3])
        left.download_button(ctx.t("app.download_csv"), csv_bytes(view), "catalog_view.csv", "text/csv", key="cat-csv")
        right.download_button(ctx.t("app.download_xlsx"), xlsx_bytes(view), "catalog_view.xlsx", key="cat-xlsx")
        if not results.empty:
            labels = dict(zip(results["resource_code"], results["resource_code"] + "  " + results["name"]))
            code = main.selectbox(ctx.t("cat.detail"), list(labels), format_func=labels.get, key="cat-detail")
            entry = cat.entry(ctx.db, code, day)
            full = sees_detail(ctx.identity.role, entry["share_type"])
            with main.container(border=True):
                st.markdown(f"#### {entry['name']}（{entry['resource_code']}）")
                st.markdown(f"**提供方**：{entry['provider']}（{entry['provider_code']}）　**分类**：{entry['class_category']} / {entry['class_item']}　"
                            f"**格式**：{entry['format']}　**更新周期**：{entry['update_cycle']}　**时效**：{entry['freshness']}")
                if not full:
                    st.markdown(f"**共享**：{entry['share_type']}　{HIDDEN}")
                else:
                    st.markdown(f"**共享**：{entry['share_type']}　{entry['share_condition'] or ''}　**共享方式**：{entry['share_method'] or '—'}　"
                                f"**向社会开放**：{entry['open_text']}")
                    st.text(entry["summary"] or "（缺少摘要）")
                if full:
                    st.markdown(f"**{ctx.t('cat.items')}**")
                    items = cat.entry_items(ctx.db, code).rename(columns={"item_no": "序号", "item_name": "名称", "data_type": "数据类型"})
                    table_with_downloads(ctx, items, f"items_{code.replace('/', '_')}", key="cat-items")
                    related = cat.related(ctx.db, code)
                    if not related.empty:
                        st.markdown(f"**{ctx.t('cat.related')}**")
                        table_with_downloads(ctx, related, "related", key="cat-related")
    with tab_depts:
        card = cat.scorecard(ctx.db, day)
        pct = {c: st.column_config.ProgressColumn(format="%.1f%%", min_value=0, max_value=100) for c in ("无条件共享%", "开放%", "及时%")}
        table_with_downloads(ctx, card.rename(columns={"department": "部门", "provider_code": "代码", "entries": "资源数", "unconditional_pct": "无条件共享%",
                     "open_pct": "开放%", "fresh_pct": "及时%", "overdue": "逾期", "delinquent": "严重逾期", "items_per_entry": "平均信息项"}).round(1),
                             "catalog_scorecard", key="cat-scorecard", height=520, column_config=pct)
    with tab_fresh:
        st.caption(ctx.t("cat.freshness_rule"))
        by_cycle = cat.freshness_by_cycle(ctx.db, day)
        left, right = st.columns([3, 2])
        left.plotly_chart(figures.freshness_by_cycle(by_cycle), key="cat-fresh-cycle")
        right.plotly_chart(figures.freshness_share(by_cycle), key="cat-fresh-share")
    with tab_quality:
        problems = cat.quality(ctx.db)
        st.markdown(ctx.t("cat.quality_count", n=len(problems)) if len(problems) else ctx.t("cat.quality_none"))
        if len(problems):
            table_with_downloads(ctx, problems.rename(columns={"resource_code": "代码", "name": "名称", "provider": "提供方", "problem": "问题"}),
                                 "catalog_quality", key="cat-quality", height=420)
