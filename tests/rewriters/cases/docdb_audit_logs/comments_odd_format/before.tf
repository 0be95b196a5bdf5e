# owned by platform team (see CODEOWNERS)
resource "aws_docdb_cluster_parameter_group" "main" {
    family   =   "docdb5.0"   # keep in sync with the runbook
    name   = "main"

    parameter {
        name  = "tls"
        value = "enabled"
    }
    /* reviewed 2024-03 */
}
