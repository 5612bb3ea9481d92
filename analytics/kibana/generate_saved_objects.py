#!/usr/bin/env python3
"""Writes hearken-saved-objects.ndjson (Kibana 8.19 saved objects: data views, aggregation-based
visualisations, one dashboard). Edit here, run `python3 generate_saved_objects.py`, commit both files.
KibanaSavedObjectsTest checks every field referenced exists in the index mappings."""
import json

COMPLAINTS = "hearken-complaints"
EVENTS = "hearken-complaint-events"
out = []


def data_view(id_, title, name, time_field):
    out.append({"id": id_, "type": "index-pattern", "managed": False,
                "coreMigrationVersion": "8.8.0", "typeMigrationVersion": "7.11.0", "references": [],
                "attributes": {"title": title, "name": name, "timeFieldName": time_field,
                               "fields": "[]", "fieldFormatMap": "{}", "runtimeFieldMap": "{}",
                               "allowNoIndex": True}})


def axis_params(kind, mode="stacked", metric_ids=("1",), labels=("Count",)):
    return {"type": kind, "grid": {"categoryLines": False},
            "categoryAxes": [{"id": "CategoryAxis-1", "type": "category", "position": "bottom", "show": True,
                              "scale": {"type": "linear"}, "labels": {"show": True, "filter": True, "truncate": 100},
                              "title": {}}],
            "valueAxes": [{"id": "ValueAxis-1", "name": "LeftAxis-1", "type": "value", "position": "left",
                           "show": True, "scale": {"type": "linear", "mode": "normal"},
                           "labels": {"show": True, "rotate": 0, "filter": False, "truncate": 100},
                           "title": {"text": labels[0]}}],
            "seriesParams": [{"show": True, "type": kind, "mode": mode, "data": {"label": label, "id": mid},
                              "valueAxis": "ValueAxis-1", "drawLinesBetweenPoints": True, "lineWidth": 2,
                              "showCircles": True, "interpolate": "linear"}
                             for mid, label in zip(metric_ids, labels)],
            "addTooltip": True, "addLegend": True, "legendPosition": "right", "times": [], "addTimeMarker": False,
            "labels": {"show": False},
            "thresholdLine": {"show": False, "value": 10, "width": 1, "style": "full", "color": "#E7664C"},
            "detailedTooltip": True, "palette": {"type": "palette", "name": "default"}, "isVislibVis": True}


PIE = {"type": "pie", "addTooltip": True, "addLegend": True, "legendPosition": "right", "isDonut": True,
       "labels": {"show": True, "values": True, "last_level": True, "truncate": 100},
       "palette": {"type": "palette", "name": "default"}, "distinctColors": True, "legendDisplay": "show"}
TABLE = {"perPage": 10, "showPartialRows": False, "showMetricsAtAllLevels": False, "showTotal": False,
         "totalFunc": "sum", "percentageCol": "", "autoFitRowToContent": False}


def metric_params():
    return {"addTooltip": True, "addLegend": False, "type": "metric",
            "metric": {"percentageMode": True, "useRanges": False, "colorSchema": "Green to Red",
                       "metricColorMode": "None", "colorsRange": [{"from": 0, "to": 1}], "labels": {"show": True},
                       "invertColors": False, "style": {"bgFill": "#000", "bgColor": False, "labelColor": False,
                                                        "subText": "", "fontSize": 60}}}


def count(id_="1"):
    return {"id": id_, "enabled": True, "type": "count", "params": {}, "schema": "metric"}


def avg(id_, field, label):
    return {"id": id_, "enabled": True, "type": "avg", "params": {"field": field, "customLabel": label},
            "schema": "metric"}


def median(id_, field, label):
    return {"id": id_, "enabled": True, "type": "median", "params": {"field": field, "customLabel": label},
            "schema": "metric"}


def date_hist(id_, field, schema="segment"):
    return {"id": id_, "enabled": True, "type": "date_histogram", "schema": schema,
            "params": {"field": field, "useNormalizedEsInterval": True, "scaleMetricValues": False,
                       "interval": "auto", "drop_partials": False, "min_doc_count": 1, "extended_bounds": {}}}


def terms(id_, field, size=10, schema="segment", order_by="1", label=None):
    params = {"field": field, "orderBy": order_by, "order": "desc", "size": size, "otherBucket": False,
              "otherBucketLabel": "Other", "missingBucket": False, "missingBucketLabel": "Missing"}
    if label:
        params["customLabel"] = label
    return {"id": id_, "enabled": True, "type": "terms", "schema": schema, "params": params}


def vis(id_, title, kind, params, aggs, data_view=COMPLAINTS, query=""):
    out.append({"id": id_, "type": "visualization", "managed": False,
                "coreMigrationVersion": "8.8.0", "typeMigrationVersion": "8.0.0",
                "references": [{"name": "kibanaSavedObjectMeta.searchSourceJSON.index", "type": "index-pattern",
                                "id": data_view}],
                "attributes": {"title": title, "description": "", "version": 1, "uiStateJSON": "{}",
                               "visState": json.dumps({"title": title, "type": kind, "params": params,
                                                       "aggs": aggs}, ensure_ascii=False),
                               "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps({
                                   "query": {"query": query, "language": "kuery"}, "filter": [],
                                   "indexRefName": "kibanaSavedObjectMeta.searchSourceJSON.index"})}}})
    return id_


data_view(COMPLAINTS, "complaints", "Hearken complaints (current state)", "receivedAt")
data_view(EVENTS, "complaint-events", "Hearken complaint events", "at")

panels = [
    vis("hearken-volume-by-category", "投诉量（按类别） Volume by category over time", "histogram",
        axis_params("histogram"), [count(), date_hist("2", "receivedAt"), terms("3", "category", 12, "group")]),
    vis("hearken-by-channel", "渠道 By channel", "pie", PIE, [count(), terms("2", "channel", 10)]),
    vis("hearken-by-building", "楼栋 By building", "histogram", axis_params("histogram"),
        [count(), terms("2", "building", 15)]),
    vis("hearken-sla-compliance", "SLA 达标率 SLA compliance", "metric", metric_params(),
        [avg("1", "slaMet", "SLA compliance")]),
    vis("hearken-sla-by-department", "各部门 SLA SLA by department", "histogram", axis_params("histogram"),
        [count(), terms("2", "department", 20), terms("3", "slaStatus", 3, "group")]),
    vis("hearken-response-times", "平均响应/解决时长 Mean time to first response and to resolution (min)", "histogram",
        axis_params("histogram", "normal", ("1", "2"), ("First response (min)", "Resolution (min)")),
        [avg("1", "firstResponseMinutes", "First response (min)"),
         avg("2", "resolutionMinutes", "Resolution (min)"), terms("3", "department", 20)]),
    vis("hearken-open-backlog", "未结案（按部门） Open backlog by department", "histogram", axis_params("histogram"),
        [count(), terms("2", "department", 20), terms("3", "status", 10, "group")], query="open : true"),
    vis("hearken-repeat-locations", "重复投诉地点 Top repeat locations", "table", TABLE,
        [count(), terms("2", "building", 10, "bucket"), terms("3", "unit", 5, "bucket")], query="repeat : true"),
    vis("hearken-satisfaction-trend", "满意度趋势 Satisfaction trend", "line",
        axis_params("line", "normal", ("1",), ("Satisfaction",)),
        [avg("1", "satisfaction", "Satisfaction"), date_hist("2", "receivedAt")], query="satisfaction >= 1"),
    vis("hearken-escalations", "升级 Escalations", "histogram", axis_params("histogram"),
        [count(), date_hist("2", "at"), terms("3", "level", 2, "group")], data_view=EVENTS,
        query='type : "complaint-escalated"'),
    vis("hearken-angry-trend", "愤怒与焦急的投诉 Angry and distressed complaints over time", "histogram",
        axis_params("histogram"), [count(), date_hist("2", "receivedAt"), terms("3", "sentiment", 2, "group")],
        query='sentiment : "ANGRY" or sentiment : "DISTRESSED"'),
    vis("hearken-by-customer-type", "客户类型 By customer type", "pie", PIE, [count(), terms("2", "customerType", 10)]),
    # Issue #18: return visits owed past their due time, and the staff KPIs per handler.
    vis("hearken-overdue-return-visits", "逾期未回访（按部门） Overdue return visits by department", "histogram",
        axis_params("histogram"), [count(), terms("2", "department", 20)],
        query='returnVisitPending : true and returnVisitDue < "now"'),
    vis("hearken-staff-kpis", "员工绩效（按处理人） Staff KPIs by handler", "table", TABLE,
        [count(), median("2", "firstResponseMinutes", "Median first response (min)"),
         avg("3", "slaMet", "SLA met"), avg("4", "satisfaction", "Satisfaction"),
         terms("5", "handler", 50, "bucket", label="Handler")], query="handler : *"),
]

layout = [(0, 0, 48, 14), (0, 14, 16, 14), (16, 14, 16, 14), (32, 14, 16, 14), (0, 28, 24, 14), (24, 28, 24, 14),
          (0, 42, 24, 14), (24, 42, 24, 14), (0, 56, 24, 14), (24, 56, 24, 14), (0, 70, 32, 14), (32, 70, 16, 14),
          (0, 84, 24, 14), (24, 84, 24, 14)]
panels_json = []
refs = []
for i, (vid, (x, y, w, h)) in enumerate(zip(panels, layout)):
    panels_json.append({"type": "visualization", "gridData": {"x": x, "y": y, "w": w, "h": h, "i": str(i + 1)},
                        "panelIndex": str(i + 1), "embeddableConfig": {"enhancements": {}},
                        "panelRefName": "panel_" + str(i)})
    refs.append({"name": "panel_" + str(i), "type": "visualization", "id": vid})
out.append({"id": "hearken-dashboard", "type": "dashboard", "managed": False,
            "coreMigrationVersion": "8.8.0", "typeMigrationVersion": "8.7.0", "references": refs,
            "attributes": {"title": "Hearken 投诉分析 Complaints", "description": "Hearken: volume, SLA, backlog, "
                           "repeats, satisfaction, escalations, sentiment, customer types, return visits, staff KPIs", "version": 1, "timeRestore": True,
                           "timeFrom": "now-30d", "timeTo": "now", "refreshInterval": {"pause": True, "value": 0},
                           "panelsJSON": json.dumps(panels_json),
                           "optionsJSON": json.dumps({"useMargins": True, "syncColors": False, "syncCursor": True,
                                                      "syncTooltips": False, "hidePanelTitles": False}),
                           "kibanaSavedObjectMeta": {"searchSourceJSON": json.dumps(
                               {"query": {"query": "", "language": "kuery"}, "filter": []})}}})

with open("hearken-saved-objects.ndjson", "w", encoding="utf-8") as f:
    for obj in out:
        f.write(json.dumps(obj, ensure_ascii=False, separators=(",", ":")) + "\n")
