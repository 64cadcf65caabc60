/** Log Analytics, diagnostics, Container Insights, managed Prometheus, Grafana, Application Insights. */
export * from './log-analytics';
export * from './diagnostics';
export * from './container-insights';
export * from './managed-prometheus';
export * from './app-insights';
export * from './cluster-monitoring';
export { logAggregation, controlPlaneLogs, metricsCollection, distributedTracing, REQUIRED_CONTROL_PLANE_CATEGORIES } from './rules';
export * from './action-group';
export * from './prometheus-rules';
export * from './metric-alerts';
export * from './activity-log-alerts';
export * from './upgrade-notifications';
export * from './alerting';
export { clusterHealthAlerts, criticalMetricAlerts, deleteOperationAlerts, securityAlerts, upgradeNotifications, receiversOf } from './alert-rules';
