# disable public network access to azure cache for redis
resource "azurerm_redis_cache" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  resource_group_name = "rg-app"
  location = "westeurope"
  capacity = 1
  family = "C"
  sku_name = "Standard"
  minimum_tls_version = "1.2"
  public_network_access_enabled = false   # TODO: revisit
}
