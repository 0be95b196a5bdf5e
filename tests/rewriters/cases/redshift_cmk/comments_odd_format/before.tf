# owned by platform team (see CODEOWNERS)
resource "aws_redshift_cluster" "dw" {
    cluster_identifier       =   "dw"   # keep in sync with the runbook
    node_type              = "ra3.xlplus"
    master_username        = "admin"
    manage_master_password = true
    encrypted              = true
    /* reviewed 2024-03 */
}
