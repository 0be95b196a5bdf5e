resource "azurerm_mariadb_server" "main" {
  resource_group_name = "rg-app"
  location            = "westeurope"
  sku_name                     = "GP_Gen5_2"
  version                      = "10.3"
  administrator_login          = "mariaadmin"
  administrator_login_password = var.maria_password
}
