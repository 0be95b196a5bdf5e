# disable public network access to the postgresql server
resource "azurerm_postgresql_server" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  resource_group_name = "rg-app"
  location = "westeurope"
  sku_name = "GP_Gen5_2"
  version = "11"
  administrator_login = "pgadmin"
  administrator_login_password = var.pg_password
  ssl_enforcement_enabled = true
  public_network_access_enabled = true   # TODO: revisit
}
