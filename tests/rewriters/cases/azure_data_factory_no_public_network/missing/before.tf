resource "azurerm_data_factory" "main" {
  resource_group_name = "rg-app"
  location            = "westeurope"
}
