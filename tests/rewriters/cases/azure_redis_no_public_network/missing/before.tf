resource "azurerm_redis_cache" "main" {
  resource_group_name = "rg-app"
  location            = "westeurope"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
  minimum_tls_version = "1.2"
}
