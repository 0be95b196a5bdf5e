# stop account keys from changing cosmos db metadata
resource "azurerm_cosmosdb_account" "legacy"   {
  # owned by the platform team (see CODEOWNERS)
  resource_group_name = "rg-app"
  location = "westeurope"
  offer_type = "Standard"
  kind = "GlobalDocumentDB"

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location = "westeurope"
    failover_priority = 0
  }
  access_key_metadata_writes_enabled = true   # TODO: revisit
}
