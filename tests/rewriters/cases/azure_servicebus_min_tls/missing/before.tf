resource "azurerm_servicebus_namespace" "main" {
  resource_group_name = "rg-app"
  location            = "westeurope"
  sku                 = "Standard"
}
