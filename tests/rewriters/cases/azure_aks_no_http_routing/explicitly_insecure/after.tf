resource "azurerm_kubernetes_cluster" "main" {
  resource_group_name = "rg-app"
  location            = "westeurope"
  dns_prefix          = "acme"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D2s_v5"
  }

  identity {
    type = "SystemAssigned"
  }
  http_application_routing_enabled = false
}
