resource "azurerm_servicebus_namespace" "main" {
  resource_group_name = "rg-app"
  location            = "westeurope"
  sku                 = "Standard"
  minimum_tls_version = "1.2"
}
