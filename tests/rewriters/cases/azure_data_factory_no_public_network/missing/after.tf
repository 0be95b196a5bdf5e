resource "azurerm_data_factory" "main" {
  resource_group_name = "rg-app"
  location            = "westeurope"

  public_network_enabled = false
}
