resource "azurerm_search_service" "main" {
  resource_group_name = "rg-app"
  location            = "westeurope"
  sku                 = "standard"

  public_network_access_enabled = false
}
