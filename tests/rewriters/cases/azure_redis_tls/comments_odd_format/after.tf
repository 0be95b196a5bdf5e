# require tls 1.2 and close the non-tls port of azure cache for redis
resource "azurerm_redis_cache" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  resource_group_name = "rg-app"
  location = "westeurope"
  capacity = 1
  family = "C"
  sku_name = "Standard"
  enable_non_ssl_port = false   # TODO: revisit
  minimum_tls_version = "1.2"
}
