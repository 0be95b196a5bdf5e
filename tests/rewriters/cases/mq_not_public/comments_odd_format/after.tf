# owned by platform team (see CODEOWNERS)
resource "aws_mq_broker" "events" {
    broker_name           =   "events"   # keep in sync with the runbook
    engine_type         = "ActiveMQ"
    engine_version      = "5.17.6"
    host_instance_type  = "mq.m5.large"
    publicly_accessible = false

    user {
        username = "app"
        password = var.mq_password
    }
    /* reviewed 2024-03 */
}
