#!/usr/bin/env python3
"""Writes deploy/grafana/dashboards/earshot.json, the dashboard Grafana provisions.

The panels are listed here, one line of PromQL each, so a change to a metric is a one-line edit;
run `python3 deploy/grafana/make-dashboard.py` after editing and commit both files.
"""
import json
import pathlib

# (title, description, unit, stacked, [(legend, expr)], width)
ROWS = [
    ("Mentions", [
        ("Mentions per minute, by brand", "Scored mentions per minute (sentiment-service).", "short", False,
         [("{{brand}}", "sum by (brand) (rate(earshot_sentiment_mentions_scored_total[5m])) * 60")], 12),
        ("Mentions per minute, by source", "New mentions published per minute (ingest-service).", "short", False,
         [("{{source}}", "sum by (source) (rate(earshot_ingest_mentions_published_total[5m])) * 60")], 12),
    ]),
    ("Sentiment", [
        ("Sentiment distribution", "Mentions per minute by label, all brands.", "short", True,
         [("{{label}}", "sum by (label) (rate(earshot_sentiment_mentions_scored_total[15m])) * 60")], 12),
        ("Negative share, by brand", "Share of a brand's mentions labelled negative, over 30 minutes.", "percentunit",
         False, [("{{brand}}", 'sum by (brand) (rate(earshot_sentiment_mentions_scored_total{label="negative"}[30m]))'
                              ' / sum by (brand) (rate(earshot_sentiment_mentions_scored_total[30m]))')], 12),
    ]),
    ("Incidents and notifications", [
        ("Incidents by state", "Open, acknowledged and resolved incidents (alert-service).", "short", True,
         [("{{state}}", "sum by (state) (earshot_alerts_incidents)")], 8),
        ("Alerts raised per hour", "By brand and detector.", "short", False,
         [("{{brand}} {{kind}}", "sum by (brand, kind) (increase(earshot_alerts_raised_total[1h]))")], 8),
        ("Notifications sent, retried, failed", "Per hour, by channel (email, slack).", "short", False,
         [("sent {{channel}}", "sum by (channel) (increase(earshot_alerts_notifications_sent_total[1h]))"),
          ("retried {{channel}}", "sum by (channel) (increase(earshot_alerts_notifications_retried_total[1h]))"),
          ("failed {{channel}}", "sum by (channel) (increase(earshot_alerts_notifications_failed_total[1h]))")], 8),
    ]),
    ("Health of the pipeline", [
        ("Poll errors", "Failed polls per 15 minutes, by source and kind of error.", "short", False,
         [("{{source}} {{kind}}", "sum by (source, kind) (increase(earshot_ingest_poll_errors_total[15m]))")], 8),
        ("Consumer lag", "Records waiting, per consumer; steady growth means a service cannot keep up.", "short",
         False, [("{{service}} {{topic}}", "max by (service, topic) (kafka_consumer_fetch_manager_records_lag_max)")], 8),
        ("Dead-lettered records", "Records that could not be processed, per hour.", "short", False,
         [("sentiment", "sum(increase(earshot_sentiment_mentions_dead_lettered_total[1h]))"),
          ("alert", "sum(increase(earshot_alerts_dead_letters_total[1h]))")], 8),
    ]),
]


def panel(pid, x, y, title, description, unit, stacked, targets, width):
    return {
        "id": pid, "type": "timeseries", "title": title, "description": description,
        "datasource": {"type": "prometheus", "uid": "prometheus"},
        "gridPos": {"x": x, "y": y, "w": width, "h": 8},
        "fieldConfig": {"defaults": {"unit": unit, "custom": {
            "stacking": {"mode": "normal" if stacked else "none"}, "fillOpacity": 30 if stacked else 10}},
            "overrides": []},
        "options": {"legend": {"displayMode": "list", "placement": "bottom"}, "tooltip": {"mode": "multi"}},
        "targets": [{"refId": chr(65 + i), "expr": expr, "legendFormat": legend,
                     "datasource": {"type": "prometheus", "uid": "prometheus"}}
                    for i, (legend, expr) in enumerate(targets)],
    }


def dashboard():
    panels, pid, y = [], 1, 0
    for row_title, row_panels in ROWS:
        panels.append({"id": pid, "type": "row", "title": row_title, "collapsed": False,
                       "gridPos": {"x": 0, "y": y, "w": 24, "h": 1}, "panels": []})
        pid, y, x = pid + 1, y + 1, 0
        for p in row_panels:
            panels.append(panel(pid, x, y, *p))
            pid, x = pid + 1, x + p[5]
        y += 8
    return {"uid": "earshot", "title": "Earshot", "tags": ["earshot"], "timezone": "browser",
            "schemaVersion": 39, "version": 1, "refresh": "30s",
            "time": {"from": "now-6h", "to": "now"}, "panels": panels}


out = pathlib.Path(__file__).parent / "dashboards" / "earshot.json"
out.write_text(json.dumps(dashboard(), indent=2) + "\n")
print(f"wrote {out}")
