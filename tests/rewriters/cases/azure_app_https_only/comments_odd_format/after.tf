# classic app service
resource "azurerm_app_service" "legacy" {
  name = "acme-legacy"
  location = "westeurope"
  resource_group_name = "rg"
  app_service_plan_id = "plan-id"   # shared plan
  https_only = true  // health checks over http
}
