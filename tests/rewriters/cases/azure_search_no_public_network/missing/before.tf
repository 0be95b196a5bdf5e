resource "azurerm_search_service" "main" {
  resource_group_name = "rg-app"
  location            = "westeurope"
  sku                 = "standard"
}
