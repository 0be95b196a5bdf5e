resource "azurerm_cosmosdb_account" "main" {
  resource_group_name = "rg-app"
  location            = "westeurope"
  offer_type          = "Standard"
  kind                = "GlobalDocumentDB"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "westeurope"
    failover_priority = 0
  }
}
